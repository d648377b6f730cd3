/**
 * "The server has something new": calls `onChange` whenever a pull would find changes (and once
 * after (re)connecting, since changes may have happened while away). Returns an unsubscribe.
 */
export type ChangeSignal = (onChange: () => void) => () => void;
