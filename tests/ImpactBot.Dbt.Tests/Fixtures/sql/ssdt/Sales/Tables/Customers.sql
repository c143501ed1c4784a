CREATE TABLE [Sales].[Customers] (
    [CustomerId]   INT             NOT NULL,
    [CustomerName] NVARCHAR (100)  NOT NULL,
    [CreditLimit]  DECIMAL (18, 2) NULL,
    [FaxNumber]    NVARCHAR (20)   NOT NULL,
    [Location]     [sys].[geography] NULL,
    [ValidFrom]    DATETIME2 (7) GENERATED ALWAYS AS ROW START NOT NULL,
    [ValidTo]      DATETIME2 (7) GENERATED ALWAYS AS ROW END NOT NULL,
    CONSTRAINT [PK_Sales_Customers] PRIMARY KEY CLUSTERED ([CustomerId] ASC),
    PERIOD FOR SYSTEM_TIME ([ValidFrom], [ValidTo])
)
WITH (SYSTEM_VERSIONING = ON (HISTORY_TABLE=[Sales].[Customers_Archive]));
GO
CREATE NONCLUSTERED INDEX [IX_Sales_Customers_Name]
    ON [Sales].[Customers]([CustomerName] ASC);
