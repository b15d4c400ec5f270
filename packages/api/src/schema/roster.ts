// roster — (being written)
export {};
