CREATE PROCEDURE [Sales].[PurgeCustomers]
@Before DATETIME2 (7)
AS
BEGIN
    SET NOCOUNT ON;
    UPDATE [Sales].[Customers] SET CreditLimit = 0 WHERE ValidFrom < @Before;
    SELECT CustomerId FROM Customers WHERE CreditLimit = 0;
END;
