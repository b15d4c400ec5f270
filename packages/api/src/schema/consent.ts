// consent — (being written)
export {};
