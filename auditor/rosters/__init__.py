"""Building a roster from data others keep: Parliament's Members API, an HR export (CSV).

An import writes public data only (names, roles, offices published on purpose, websites, social
accounts) and leaves private fields as commented placeholders for the security team. Run again on the
same file, it merges: public data is refreshed, private and sealed values are never touched, and who
joined and who left is reported.
"""
