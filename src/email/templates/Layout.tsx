/**
 * The frame of every newsroom mail: the newsroom's name, one heading, the message, one button
 * (its link also written out, for text-only readers), and a footer saying why the mail came.
 * Rendered by React Email to HTML and, from the same tree, to the plain-text part.
 */
import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from '@react-email/components'
import type { ReactNode } from 'react'

const page = { backgroundColor: '#f4f5f7', fontFamily: 'Helvetica, Arial, sans-serif', color: '#1b1f24' }
const card = { backgroundColor: '#ffffff', margin: '24px auto', padding: '24px 32px', maxWidth: '560px' }
const button = {
  backgroundColor: '#1b4dd8',
  color: '#ffffff',
  padding: '12px 20px',
  borderRadius: '4px',
  fontWeight: 600,
  textDecoration: 'none',
}
const small = { fontSize: '13px', color: '#5b6470', lineHeight: '20px' }

export type LayoutProps = {
  siteName: string
  preview: string
  heading: string
  action?: { label: string; href: string }
  footer: ReactNode
  children: ReactNode
}

export const Layout = ({ siteName, preview, heading, action, footer, children }: LayoutProps) => (
  <Html lang="en">
    <Head />
    <Preview>{preview}</Preview>
    <Body style={page}>
      <Container style={card}>
        <Text style={{ ...small, textTransform: 'uppercase', letterSpacing: '0.08em' }}>{siteName}</Text>
        <Heading as="h1" style={{ fontSize: '22px', lineHeight: '30px' }}>
          {heading}
        </Heading>
        {children}
        {action ? (
          <Section style={{ margin: '24px 0' }}>
            <Button href={action.href} style={button}>
              {action.label}
            </Button>
            <Text style={small}>
              Or open this address: <Link href={action.href}>{action.href}</Link>
            </Text>
          </Section>
        ) : null}
        <Hr />
        <Text style={small}>{footer}</Text>
      </Container>
    </Body>
  </Html>
)
