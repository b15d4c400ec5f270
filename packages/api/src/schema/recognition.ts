// recognition — (being written)
export {};
