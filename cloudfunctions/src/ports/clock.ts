/** Time is passed in, so the domain and the tests never read the machine's clock or zone. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
