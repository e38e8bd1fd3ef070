"""The recap (复盘) workbook: openpyxl lives here and nowhere else."""
