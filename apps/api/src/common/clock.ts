// The clock is the platform's (the worker reads it too); re-exported here for the API's services.
export { CLOCK, systemClock, type Clock } from '@samverka/queue';
