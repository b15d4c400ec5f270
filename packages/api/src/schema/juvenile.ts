// juvenile — (being written)
export {};
