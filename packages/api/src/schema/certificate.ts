// certificate — (being written)
export {};
