"""Signing in: throttling with django-axes, page passwords, the front-end login page, password reset wording.

- ``client_address``: whose address a failure counts against, behind reverse proxies or not;
- ``lockout``: the answer to a refused sign-in (429), in the look of the page that was used;
- ``page_passwords``: Wagtail's page-password form counted by axes, the restriction standing for the account;
- ``password_reset``: the reset form says when mail cannot be sent, never whether an account exists;
- ``views``: the front-end login page and the moderators' list of lockouts.
"""
