// event — (being written)
export {};
