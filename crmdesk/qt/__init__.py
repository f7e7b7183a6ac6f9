"""Qt glue without screens: item models, the task runner, settings, translations, errors."""
