CREATE TABLE [Sales].[Orders]
(
    [OrderId] INT NOT NULL PRIMARY KEY,
    [CustomerId] INT NOT NULL,
    [Amount] DECIMAL(18, 2) NULL -- create view in a comment is ignored
);
GO
