import type { ArrayField } from 'payload'

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Media contacts: who a journalist should call or write to. */
export const mediaContactsField = (name = 'mediaContacts'): ArrayField => ({
  name,
  label: 'Media contacts',
  type: 'array',
  labels: { singular: 'Contact', plural: 'Contacts' },
  // New rows open expanded, so a contact's fields are in view as soon as it is added.
  admin: { initCollapsed: false },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'name', type: 'text', required: true },
        { name: 'title', type: 'text', label: 'Job title' },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'email',
          type: 'text',
          validate: (value: string | null | undefined) =>
            !value || EMAIL.test(value) ? true : 'Enter a valid e-mail address.',
        },
        { name: 'phone', type: 'text' },
      ],
    },
    { name: 'organization', type: 'text', admin: { description: 'When different from the partner.' } },
  ],
})
