// Sign-ups to one shift (and cancellations, which lock it too) queue in this process before they take a database connection: they would
// wait for the shift's row lock one after another anyway (sign-up.ts lockShift), and waiting here
// holds no pooled connection, so many sign-ups to one shift never starve the rest of the server.
// When the one at the front ends BUSY (the row stayed locked past lock_timeout, e.g. by another
// server or a manual session), the sign-ups queued behind it meet the same lock: they end BUSY too,
// at once, instead of each waiting out its own lock timeout.
import { BusyError, retryableError } from "../errors.ts";

interface Queue {
  /** settles when the last sign-up queued so far has finished */
  tail: Promise<void>;
  /** how many are queued or running */
  size: number;
  /** the number of the last sign-up to join */
  lastJoined: number;
  /** sign-ups that joined up to this number end BUSY when their turn comes */
  busyUpTo: number;
}

const queues = new Map<string, Queue>();
let joined = 0;

/** Runs `work` (a transaction that locks the shift) after the sign-ups to the same shift queued before it. */
export async function inShiftQueue<T>(shiftId: string, work: () => Promise<T>): Promise<T> {
  let queue = queues.get(shiftId);
  if (!queue) {
    queue = { tail: Promise.resolve(), size: 0, lastJoined: 0, busyUpTo: 0 };
    queues.set(shiftId, queue);
  }
  const mine = ++joined;
  const before = queue.tail;
  let done!: () => void;
  queue.tail = new Promise<void>((resolve) => (done = resolve));
  queue.lastJoined = mine;
  queue.size += 1;
  try {
    await before;
    if (mine <= queue.busyUpTo) throw new BusyError();
    try {
      return await work();
    } catch (err) {
      if (retryableError(err)?.code === "BUSY") queue.busyUpTo = queue.lastJoined;
      throw err;
    }
  } finally {
    queue.size -= 1;
    if (queue.size === 0) queues.delete(shiftId);
    done();
  }
}
