CREATE PROCEDURE [Sales].[PurgeCustomers]
@Before DATETIME2 (7)
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO Sales.Customers (CustomerId, CustomerName, FaxNumber)
    SELECT CustomerId + 1000, CustomerName, FaxNumber FROM Sales.Customers WHERE ValidFrom < @Before;
    UPDATE [Sales].[Customers] SET CreditLimit = 0 WHERE ValidFrom < @Before;
    SELECT CustomerId FROM Customers WHERE CreditLimit = 0;
END;
