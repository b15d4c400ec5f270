// What a resolver's client asked for, read from the GraphQL selection (for reads that would start
// work early only when it will be used).
import type { FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from "graphql";

/** Whether the field being resolved selects `name` directly (through fragments too). */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  const inSet = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((s) =>
      s.kind === "Field"
        ? s.name.value === name
        : s.kind === "InlineFragment"
          ? inSet(s.selectionSet)
          : inSet((info.fragments[s.name.value] as FragmentDefinitionNode | undefined)?.selectionSet),
    );
  return info.fieldNodes.some((node) => inSet(node.selectionSet));
}
