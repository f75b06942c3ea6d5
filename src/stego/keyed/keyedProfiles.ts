import type { KeyedProfile } from './KeyedProfile.ts';
import { fidelityProfile } from '../fidelity/fidelityProfile.ts';
import { robustProfile } from '../robust/robustProfile.ts';

export type KeyedProfileName = KeyedProfile['name'];

/**
 * The keyed profiles the workflow, the CLI and the viewer can use, by name. A profile not listed here
 * is reported as unavailable. Order matters where no profile is named: extraction tries them in
 * this order.
 */
export const KEYED_PROFILES: Partial<Record<KeyedProfileName, KeyedProfile>> = {
  fidelity: fidelityProfile,
  robust: robustProfile,
};
