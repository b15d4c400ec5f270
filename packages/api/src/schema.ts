// The composition root: every domain's schema.ts, imported for its side effect (one folder per
// domain word, see docs/api.md), then the schema built from them.
import { builder } from "./builder.ts";

import "./error-types.ts";
import "./account/schema.ts";
import "./organization/schema.ts";
import "./person/schema.ts";
import "./roster/schema.ts";
import "./child-volunteer/schema.ts";
import "./consent/schema.ts";
import "./event/schema.ts";
import "./activity-log/schema.ts";
import "./milestone/schema.ts";
import "./report/schema.ts";
import "./recognition/schema.ts";
import "./certificate/schema.ts";
import "./juvenile/schema.ts";
import "./audit/schema.ts";
import "./insurance/schema.ts";
import "./notification/schema.ts";
import "./calendar/schema.ts";

export const schema = builder.toSchema({ sortSchema: true });
