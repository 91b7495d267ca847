"""claimcheck: find the numbers in a news article and check its arithmetic against itself."""

from claimcheck.api import Checker, check
from claimcheck.models import Claim, FileResult, Finding, Report

__version__ = "0.1.0"
__all__ = ["Checker", "Claim", "FileResult", "Finding", "Report", "__version__", "check"]
