"""Importing the spreadsheets offices already keep.

``readers`` opens a file safely and returns its sheets as plain rows; ``sheets`` finds the
header row, the data rows and the sheet that holds the customers. Other modules of this package
map headers to fields and clean the values.
"""
