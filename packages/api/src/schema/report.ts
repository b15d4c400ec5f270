// report — (being written)
export {};
