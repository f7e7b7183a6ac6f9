"""Screens: one module a screen. They talk to crmdesk.services, never to the database."""
