INSERT INTO [Sales].[Customers] ([CustomerId], [CustomerName], [FaxNumber])
VALUES (1, N'Tailspin Toys', N'(308) 555-0101');
