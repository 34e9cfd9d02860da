// An organisation's name for the reader: NHS Wales bodies have a Welsh name (Organisation.welshName, from
// prisma/data/nhs_wales_organisations.csv) that a Welsh reply shows; everywhere else the English name.
import type { Language } from '../i18n/catalogue.js';

export interface NamedOrganisation {
  readonly name: string;
  /** Null or absent where no Welsh name is known (every NHS England organisation). */
  readonly welshName?: string | null | undefined;
}

/** `Bwrdd Iechyd Prifysgol Bae Abertawe` in Welsh, `Swansea Bay University Health Board` in English. */
export function organisationName(organisation: NamedOrganisation, language: Language): string {
  return language === 'cy' && organisation.welshName ? organisation.welshName : organisation.name;
}

/** The name for the reader with the ODS code where there is one: `Guy's and St Thomas' NHS Foundation Trust (RJ1)`. */
export function organisationWithCode(
  organisation: NamedOrganisation & { readonly odsCode?: string | null | undefined },
  language: Language,
): string {
  const name = organisationName(organisation, language);
  return organisation.odsCode ? `${name} (${organisation.odsCode})` : name;
}
