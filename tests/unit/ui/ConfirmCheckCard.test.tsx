// @vitest-environment happy-dom
/**
 * The stop-and-check before "Randevu Onayla", in English and Turkish: what the appointment type is known to be for,
 * in which province and from which source. An İstanbul residence-permit appointment is known (İstanbul directorate
 * slide, 2026), with its notary route; a type not known here gets "not known here: check the type's name on the
 * portal and ask the office". No sentence calls a type wrong.
 */
import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withFallback, type Lang, type MessageFile } from '../../../src/i18n/catalogue';
import { makeFormat, type Format } from '../../../src/i18n/format';
import { ConfirmCheckCard, type ConfirmCheckCardProps } from '../../../src/ui/frame/ConfirmCheckCard';
import { FormatContext } from '../../../src/ui/shared/FormatContext';

const format = (lang: Lang): Format =>
  makeFormat(
    lang,
    withFallback(JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as MessageFile),
  );
const EN = format('en');
const TR = format('tr');

let root: HTMLDivElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const $ = (testid: string) => root.querySelector(`[data-testid="${testid}"]`);

const TODAY = '2027-01-20';
const base: Omit<ConfirmCheckCardProps, 'appointment'> = {
  personId: 'p-default',
  province: 'İstanbul',
  permitEnd: '2027-08-11',
  today: TODAY,
  lockoutDays: 30,
  ticks: undefined,
};
const istanbulApplication = {
  type: 'İkamet İzni Başvuru İşlemleri',
  office: 'İstanbul İl Göç İdaresi Müdürlüğü',
  date: '2027-02-15',
  time: '10:30',
};

async function show(f: Format, props: ConfirmCheckCardProps) {
  await act(() => {
    render(
      <FormatContext.Provider value={f}>
        <ConfirmCheckCard {...props} />
      </FormatContext.Provider>,
      root,
    );
  });
}

const knowledge = () => $('confirm-type-knowledge')!.textContent!;

describe('stop-and-check: an İstanbul residence-permit appointment', () => {
  it('English: known for İstanbul, with the notary route and their source; nothing called wrong', async () => {
    await show(EN, { ...base, appointment: istanbulApplication });
    const k = knowledge();
    expect(k).toContain(
      'In İstanbul, the directorate books residence permit document submission ("İkamet İzni Başvuru İşlemleri") on randevu.goc.gov.tr.',
    );
    expect(k).toContain('[İstanbul directorate 2026]');
    expect(k).toContain('Optional in İstanbul: after booking, you may hand your documents to a notary');
    expect(k).toContain('"24 saat içerisinde başvuru sonuçlanmaktadır"');
    expect(k).toContain(
      "If this is not what you need, do not confirm yet: check the type's name on the portal",
    );
    const all = $('confirm-check')!.textContent!;
    expect(all).not.toMatch(/wrong for|not with a randevu appointment|done on e-ikamet/i);
    // The source link leads to the Sources card's line.
    expect(root.querySelector('a[href="#src-istanbul-directorate-2026"]')).not.toBeNull();
    // The documents point at the application checklist.
    expect(all).toContain('Bring the documents of your residence permit application');
    // The lockout after confirming is shown and marked weakly sourced.
    expect($('confirm-lockout')!.textContent).toContain('until 19 Feb 2027');
    expect($('confirm-lockout')!.querySelector('.weak')).not.toBeNull();
  });

  it('Turkish: the same knowledge in Turkish, with the portal and source names kept', async () => {
    await show(TR, { ...base, appointment: istanbulApplication });
    const k = knowledge();
    expect(k).toContain(
      'İstanbul\'da göç idaresi, ikamet izni belge teslimi randevularını ("İkamet İzni Başvuru İşlemleri") randevu.goc.gov.tr üzerinden veriyor.',
    );
    expect(k).toContain('notere verebilirsiniz');
    expect(k).toContain('"24 saat içerisinde başvuru sonuçlanmaktadır"');
    expect(k).toContain('[İstanbul directorate 2026]');
    expect(k).not.toContain('In İstanbul');
  });

  it('positive control: the same appointment read in Ankara has no notary route and is "not known here"', async () => {
    await show(EN, {
      ...base,
      province: 'Ankara',
      appointment: { ...istanbulApplication, office: 'Ankara İl Göç İdaresi Müdürlüğü' },
    });
    const k = knowledge();
    expect(k).not.toContain('notary');
    expect(k).toContain(
      "What this type is for in Ankara is not known here: check the type's name on the portal and ask the office.",
    );
  });
});

describe('stop-and-check: a type not known here', () => {
  const fingerprint = { type: 'Parmak İzi Alımı', office: null, date: null, time: null };

  it('English: "not known here: check the type\'s name on the portal and ask the office", and no guess', async () => {
    await show(EN, { ...base, appointment: fingerprint });
    expect(knowledge()).toBe(
      'The appointment type "Parmak İzi Alımı" is not known here: check the type\'s name on the portal and ask the office. ',
    );
    expect($('confirm-check')!.textContent).toContain('Known only for the appointment types above.');
  });

  it('Turkish: the same sentence in Turkish', async () => {
    await show(TR, { ...base, appointment: fingerprint });
    expect(knowledge()).toBe(
      '"Parmak İzi Alımı" randevu türü burada bilinmiyor: türün adını portalda kontrol edin ve göç idaresine sorun. ',
    );
  });
});
