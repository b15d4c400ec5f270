// Every schema file, imported for its side effect; one file per domain word (see STYLE.md).
import { builder } from "../builder.ts";
import "./errors.ts";
import "./account.ts";

export const schema = builder.toSchema({ sortSchema: true });
