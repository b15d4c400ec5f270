// What a resolver's client asked for, read from the GraphQL selection: for reads that start work
// early only when it will be used, or answer from what is at hand when nothing else is asked.
import type { FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from "graphql";

/** The names of the fields the field being resolved selects directly (through fragments too). */
function selectedFieldNames(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const walk = (set: SelectionSetNode | undefined) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === "Field") names.add(s.name.value);
      else if (s.kind === "InlineFragment") walk(s.selectionSet);
      else walk((info.fragments[s.name.value] as FragmentDefinitionNode | undefined)?.selectionSet);
    }
  };
  for (const node of info.fieldNodes) walk(node.selectionSet);
  return names;
}

/** Whether the field being resolved selects `name`. */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  return selectedFieldNames(info).has(name);
}

/** Whether the field being resolved selects nothing but `fields`. */
export function selectsOnly(info: GraphQLResolveInfo, fields: ReadonlySet<string>): boolean {
  return [...selectedFieldNames(info)].every((name) => fields.has(name));
}
