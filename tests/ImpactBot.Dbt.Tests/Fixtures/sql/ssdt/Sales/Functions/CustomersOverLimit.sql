CREATE FUNCTION [Sales].[CustomersOverLimit](@Limit DECIMAL (18, 2))
RETURNS TABLE
WITH SCHEMABINDING
AS
RETURN (SELECT c.CustomerId, c.CreditLimit
        FROM Sales.Customers AS c
        WHERE c.CreditLimit > @Limit);
