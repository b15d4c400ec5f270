// milestone — (being written)
export {};
