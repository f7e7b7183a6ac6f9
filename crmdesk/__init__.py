"""crmdesk: a desktop CRM for small offices."""

__version__ = "0.1.0"
APP_NAME = "crmdesk"
ORG_NAME = "crmdesk"
