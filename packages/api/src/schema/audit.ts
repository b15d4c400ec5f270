// audit — (being written)
export {};
