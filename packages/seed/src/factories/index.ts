// One-record factories per domain, for tests that build exactly the rows they need:
//
//   const org = await seedOrganization(tx);
//   const salon = await seedGroup(tx, org, { kind: "salon" });
//   const person = await seedPerson(tx, org);
//   await seedMembership(tx, org, { group: salon, person });
//   await seedActivityLog(tx, org, { group: salon, participants: [person] });
export { seedActivityLog, type ActivityLogInput } from "./activity-log.ts";
export { seedEvent, seedShift, type EventInput, type ShiftInput } from "./event.ts";
export { seedGroup, type GroupInput } from "./group.ts";
export { seedMembership, type MembershipInput } from "./membership.ts";
export { seedOrganization, type SeededOrganization } from "./organization.ts";
export { seedPerson, type PersonInput } from "./person.ts";
