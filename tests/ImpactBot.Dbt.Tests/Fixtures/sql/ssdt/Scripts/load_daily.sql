SELECT * INTO #staging FROM Sales.Orders;
INSERT INTO #staging SELECT * FROM Sales.Orders;

INSERT INTO reporting.daily_totals (customer_id, total)
SELECT CustomerId, Total FROM Sales.vOrderTotals;

create or replace table reporting.snapshot as select * from reporting.daily_totals;
