// Every schema file, imported for its side effect; one file per domain word (see STYLE.md).
import { builder } from "../builder.ts";
import "./errors.ts";
import "./account.ts";
import "./organization.ts";
import "./person.ts";
import "./roster.ts";
import "./child-volunteer.ts";
import "./consent.ts";
import "./event.ts";
import "./activity-log.ts";
import "./milestone.ts";
import "./report.ts";
import "./recognition.ts";
import "./certificate.ts";
import "./juvenile.ts";
import "./audit.ts";
import "./insurance.ts";

export const schema = builder.toSchema({ sortSchema: true });
