// Action ids that buttons carry. Adapters route clicks with these ids back into the core.

/** A button that runs a command, as if its words were typed: `value` holds the words. */
export const RUN_COMMAND_ACTION = 'cop.run';
