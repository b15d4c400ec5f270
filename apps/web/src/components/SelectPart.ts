// Mantine's Select as its own chunk, for ./LazySelect.tsx.
export { Select } from "@mantine/core";
