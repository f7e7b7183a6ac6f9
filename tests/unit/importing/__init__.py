"""Tests of reading spreadsheet files for import."""
