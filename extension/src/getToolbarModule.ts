/** One evaluator: the medstego buttons are disabled while one of their operations runs. */
import type { MedstegoService } from './services/MedstegoService.ts';

export const BUSY_EVALUATOR = 'evaluate.medstego.idle';

export function createToolbarModule(service: MedstegoService) {
  return [
    {
      name: BUSY_EVALUATOR,
      evaluate: () => (service.state.busy ? { disabled: true, className: 'opacity-50 cursor-wait' } : { disabled: false }),
    },
  ];
}
