// Types and pure helpers; the side-effectful client is on the "@tsunagu/db/client" subpath.
export { Prisma, PrismaClient } from "./generated/prisma/client.ts";
export type * from "./generated/prisma/client.ts";
export * as enums from "./generated/prisma/enums.ts";
export { DEFAULT_LIMITS, openDatabase, redactUrl } from "./database.ts";
export type { Database, DatabaseKind, DatabaseLimits, OpenOptions } from "./database.ts";
export { DatabaseInUseError } from "./lock.ts";
export { isUniqueViolation } from "./unique-violation.ts";
export { addDays, currentFiscalYear, fiscalYearOf, startOfDayInJapan, todayInJapan, warekiDate, warekiFiscalYear } from "./calendar.ts";
export {
  ALL_SCOPE,
  beginActivityHoursChange,
  rebuildActivityHours,
  type ActivityHoursChange,
  type ActivityHoursChangeScope,
} from "./activity-hours.ts";
export { databaseFailure, type DatabaseFailure } from "./failures.ts";
