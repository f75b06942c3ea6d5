import { MedstegoError } from '../errors/index.ts';

/** Output sinks a command writes to; injectable so tests can capture them. */
export interface CommandContext {
  readonly out?: (line: string) => void;
  readonly err?: (line: string) => void;
  /** Environment to read MEDSTEGO_KEY from (default process.env); injectable for tests. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export function parseNumberOption(name: string, value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed)) throw new MedstegoError('USAGE', `${name} must be a number; got "${value}".`);
  return parsed;
}
