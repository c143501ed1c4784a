CREATE VIEW [Sales].[vCustomerContacts]
AS
SELECT c.CustomerId,
       c.CustomerName,
       c.FaxNumber AS Fax
FROM Sales.Customers AS c
GO
