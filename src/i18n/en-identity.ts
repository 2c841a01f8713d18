import { translator } from './catalogue.js';
import { commonMessages } from './en-common.js';

/** English messages of <mono-identity> (part of `en`, see en.ts). */
export const identityMessages = {
  identityFullName: 'Full name',
  identityEmail: 'Email',
  identityPhone: 'Phone',
  identityGender: 'Gender',
  identityDateOfBirth: 'Date of birth',
  identityAddress: 'Address',
  identityStateOfOrigin: 'State of origin',
  identityLgaOfOrigin: 'LGA of origin',
  identityMaritalStatus: 'Marital status',
  identityBvn: 'BVN',
  identityNotProvided: 'Not provided',
  identityEndingIn: 'ending in {last4}',
  identityShow: 'Show {field}',
  identityReveal: 'Show',
  identityUpdated: 'Updated {date}',
  identityEmpty: 'The bank returned no identity details.',
};

/** The words of <mono-identity>: this part and the shared one, looked up in the host's catalogues first. */
export const identityText = /* @__PURE__ */ translator({ ...commonMessages, ...identityMessages });
