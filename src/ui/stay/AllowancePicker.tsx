import { sendAndSay } from '../shared/refusal';
import { ALLOWANCES, type Allowance } from '../../domain/stay';
import { useFormat } from '../shared/FormatContext';
import { SourceRefs } from '../shared/Lines';

export function AllowancePicker({ personId, allowance }: { personId: string; allowance: Allowance }) {
  const f = useFormat();
  return (
    <fieldset>
      <legend>
        {f.t('ui_stay_allowance_legend')} <SourceRefs ids={['council-of-ministers-2011-2306']} />
      </legend>
      {ALLOWANCES.map((a) => (
        <label key={a}>
          <input
            type="radio"
            name="stay-allowance"
            value={a}
            checked={allowance === a}
            onChange={() => void sendAndSay('panel:setAllowance', { personId, allowance: a })}
          />{' '}
          {f.t(a === 90 ? 'ui_stay_allowance_option_most' : 'ui_stay_allowance_option', { days: a })}
        </label>
      ))}
    </fieldset>
  );
}
