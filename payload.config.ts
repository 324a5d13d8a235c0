import path from 'node:path'

import { buildConfig } from 'payload'
import sharp from 'sharp'

import { Events } from './collections/Events'
import { Media } from './collections/Media'
import { Milestones } from './collections/Milestones'
import { OnceKeys } from './collections/OnceKeys'
import { Partners } from './collections/Partners'
import { PreBriefings } from './collections/PreBriefings'
import { PressContacts } from './collections/PressContacts'
import { PressReleases } from './collections/PressReleases'
import { PublicChanges } from './collections/PublicChanges'
import { Quotes } from './collections/Quotes'
import { ReleaseActivity } from './collections/ReleaseActivity'
import { Subscribers } from './collections/Subscribers'
import { Topics } from './collections/Topics'
import { Users } from './collections/Users'
import { WebhookDeliveries } from './collections/WebhookDeliveries'
import { WebhookSubscribers } from './collections/WebhookSubscribers'
import { emailAdapter } from './src/email/adapter'
import { mailNotSentTranslations } from './src/email/adminTexts'
import { health } from './src/endpoints/health'
import { richTextEditor } from './src/fields/richTextEditor'
import { explainValidationErrors } from './src/hooks/explainValidationErrors'
import { canRunJobs } from './src/jobs/access'
import { announceVisibility } from './src/jobs/announceVisibility'
import { deliverNotification } from './src/jobs/deliverNotification'
import { removeUnusedUpload } from './src/jobs/removeUnusedUpload'
import { sendDigests } from './src/jobs/sendDigests'
import { sendEmail } from './src/jobs/sendEmail'
import { plugins } from './src/plugins'
import { boundedGraphQLCost } from './src/security/graphqlCost'
import { databaseAdapter } from './src/server/database'
import { siteName, siteUrl } from './src/server/env'
import { onInit } from './src/server/onInit'
import { payloadSecret } from './src/server/secret'
import { MAX_UPLOAD_BYTES } from './src/server/uploads'

const root = path.resolve(/*turbopackIgnore: true*/ process.cwd())

export default buildConfig({
  admin: {
    user: Users.slug,
    // No Gravatar: the admin makes no requests to third parties.
    avatar: 'default',
    meta: { titleSuffix: ` · ${siteName()}` },
    components: {
      // The newsroom's name and mark on the login screen and in the navigation, and the way to the public site.
      graphics: { Logo: '@/admin/branding/Logo#Logo', Icon: '@/admin/branding/Icon#Icon' },
      beforeDashboard: [
        '@/admin/branding/PublicSiteLink#PublicSiteLink',
        '@/admin/review/ReviewQueue#ReviewQueue',
        '@/admin/signOff/SignOffQueue#SignOffQueue',
      ],
      beforeNavLinks: ['@/admin/branding/Icon#NavBrand'],
      afterNavLinks: ['@/admin/branding/PublicSiteLink#PublicSiteNavLink'],
      views: {
        importWireCopy: {
          Component: '@/admin/importWireCopy/ImportWireCopyView#ImportWireCopyView',
          path: '/import',
          exact: true,
        },
      },
    },
    importMap: {
      baseDir: root,
      importMapFile: path.resolve(root, 'src/app/(payload)/admin/importMap.js'),
    },
  },
  collections: [
    PressReleases,
    Quotes,
    Partners,
    Milestones,
    Events,
    Topics,
    Media,
    Users,
    ReleaseActivity,
    WebhookSubscribers,
    WebhookDeliveries,
    Subscribers,
    PressContacts,
    PreBriefings,
    OnceKeys,
    PublicChanges,
  ],
  editor: richTextEditor(),
  // @payloadcms/email-nodemailer with SMTP_URL / EMAIL_FROM; every mail goes through the jobs
  // queue (src/email/adapter.ts). Without SMTP settings mails are written to the server log, and
  // the admin's "e-mail sent" texts say so (src/email/adminTexts.ts).
  email: emailAdapter(),
  i18n: { translations: mailNotSentTranslations() },
  db: databaseAdapter(),
  secret: payloadSecret(),
  sharp,
  // Over the limit the file is marked truncated and refused with a 400 naming the field
  // (collections/Media/hooks/limitUploadSize.ts), instead of the parser's bare 413.
  upload: { limits: { fileSize: MAX_UPLOAD_BYTES }, abortOnLimit: false },
  csrf: [siteUrl()],
  endpoints: [health],
  hooks: { afterError: [explainValidationErrors] },
  graphQL: {
    disablePlaygroundInProduction: true,
    // Depth, alias, field-count and cost limits no normal client meets (src/security/graphqlCost.ts).
    validationRules: (args) => [boundedGraphQLCost((args.variableValues ?? {}) as Record<string, unknown>)],
  },
  typescript: { outputFile: path.resolve(root, 'src/payload-types.ts') },
  jobs: {
    // Scheduled publishing, embargo lifts and partner notifications run on Payload's queue: inside
    // the server by default, in one `npm run worker` process when a deployment sets
    // PAYLOAD_JOBS_AUTORUN=false on its web instances. Handlers are idempotent either way
    // (src/jobs/once.ts). GET /api/payload-jobs/run runs due jobs for staff, or for a cron that
    // sends `Authorization: Bearer $CRON_SECRET`.
    access: { run: canRunJobs },
    tasks: [announceVisibility, deliverNotification, removeUnusedUpload, sendEmail, sendDigests],
    // Every 10 seconds: scheduled publishes and embargo lifts happen well within a minute.
    autoRun: [{ cron: '*/10 * * * * *', queue: 'default', limit: 20 }],
    shouldAutoRun: () => process.env.PAYLOAD_JOBS_AUTORUN !== 'false',
  },
  onInit,
  plugins,
  telemetry: false,
})
