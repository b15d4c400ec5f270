// child-volunteer — (being written)
export {};
