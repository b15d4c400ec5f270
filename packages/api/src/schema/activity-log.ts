// activity-log — (being written)
export {};
