/* Totals per customer.
   INSERT INTO nowhere (in a comment) */
CREATE OR ALTER VIEW [Sales].[vOrderTotals]
AS
SELECT o.CustomerId, SUM(o.Amount) AS Total, 'create table x' AS Note
FROM Sales.Orders AS o
GROUP BY o.CustomerId;
GO
