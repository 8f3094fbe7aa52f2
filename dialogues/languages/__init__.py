"""The languages people read the site in: which one each request uses, the switcher,
and the tools that keep the translation catalogues complete."""
